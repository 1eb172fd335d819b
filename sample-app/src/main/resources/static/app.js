// CloudEvents Player page: composes events for POST /api/send (to a URL or kafka:<topic>)
// and lists the events streamed by GET /api/events/stream, first painted from
// GET /api/events; events of Kafka records show their topic, partition and offset. Event content
// is only ever rendered as text.
'use strict';

const CORE_ORDER = ['specversion', 'id', 'source', 'type', 'datacontenttype', 'dataschema', 'schemaurl',
	'datacontentencoding', 'subject', 'time'];

const $ = (id) => document.getElementById(id);

// sequence -> list item, so that a replay after a reconnection adds nothing twice
const items = new Map();

function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (name === 'class') {
			node.className = value;
		}
		else {
			node.setAttribute(name, value);
		}
	}
	for (const child of children) {
		if (child !== null && child !== undefined) {
			node.append(child instanceof Node ? child : document.createTextNode(String(child)));
		}
	}
	return node;
}

// ---- composing and sending -------------------------------------------------

function addExtensionRow(name = '', value = '') {
	const row = $('extension-template').content.firstElementChild.cloneNode(true);
	row.querySelector('.ext-name').value = name;
	row.querySelector('.ext-value').value = value;
	row.querySelector('.remove-extension').addEventListener('click', () => row.remove());
	$('extensions').append(row);
	return row;
}

function isJsonType(contentType) {
	if (!contentType) {
		return true;
	}
	const type = contentType.split(';')[0].trim().toLowerCase();
	return type.endsWith('/json') || type.endsWith('+json');
}

function composeEvent() {
	const event = {
		specversion: $('specversion').value,
		type: $('type').value.trim(),
		source: $('source').value.trim(),
	};
	const id = $('id').value.trim();
	if (id) {
		event.id = id;
	}
	const subject = $('subject').value.trim();
	if (subject) {
		event.subject = subject;
	}
	const contentType = $('datacontenttype').value.trim();
	if (contentType) {
		event.datacontenttype = contentType;
	}
	for (const row of $('extensions').querySelectorAll('.extension')) {
		const name = row.querySelector('.ext-name').value.trim();
		if (name) {
			event[name] = row.querySelector('.ext-value').value;
		}
	}
	const data = $('data').value;
	if (data.trim()) {
		if (isJsonType(contentType)) {
			try {
				event.data = JSON.parse(data);
			}
			catch (e) {
				throw new Error('Data is not valid JSON: ' + e.message);
			}
		}
		else {
			event.data = data;
		}
	}
	return event;
}

function showResult(kind, text, problem = null) {
	const result = $('send-result');
	result.dataset.kind = kind;
	result.textContent = text;
	if (problem) {
		result.append(el('pre', { 'class': 'problem', 'data-testid': 'send-problem' }, JSON.stringify(problem, null, 2)));
	}
}

async function send(submitEvent) {
	submitEvent.preventDefault();
	let event;
	try {
		event = composeEvent();
	}
	catch (e) {
		showResult('error', e.message);
		return;
	}
	const mode = document.querySelector('input[name="mode"]:checked').value;
	const target = $('target').value.trim();
	const button = $('send');
	button.disabled = true;
	showResult('pending', 'Sending…');
	try {
		const response = await fetch('api/send', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
			body: JSON.stringify({ target, mode, event }),
		});
		const body = await response.json().catch(() => null);
		if (!response.ok) {
			const detail = body && (body.detail || body.title);
			showResult('error', `${response.status}: ${detail || response.statusText}`);
		}
		else {
			const reply = body.reply ? ` — reply ${body.reply.type}` : '';
			const problem = body.problem ? `: ${body.problem.detail || body.problem.title}` : '';
			const answered = target.startsWith('kafka:') ? `Kafka acknowledged the record (${body.status})`
				: `target answered ${body.status}`;
			showResult(body.status < 300 ? 'ok' : 'error', `Sent — ${answered}${reply}${problem}`,
				body.problem);
		}
	}
	catch (e) {
		showResult('error', 'Could not reach the player: ' + e.message);
	}
	finally {
		button.disabled = false;
	}
}

// ---- rendering events ------------------------------------------------------

function attributeNames(event) {
	const names = Object.keys(event).filter((name) => name !== 'data' && name !== 'data_base64');
	const core = CORE_ORDER.filter((name) => names.includes(name));
	const extensions = names.filter((name) => !CORE_ORDER.includes(name)).sort();
	return [...core, ...extensions];
}

function formatData(event) {
	if ('data_base64' in event) {
		return { label: 'base64', text: event.data_base64 };
	}
	if (!('data' in event) || event.data === null) {
		return null;
	}
	const data = event.data;
	if (typeof data === 'string') {
		try {
			const parsed = JSON.parse(data);
			if (parsed !== null && typeof parsed === 'object') {
				return { label: 'json', text: JSON.stringify(parsed, null, 2) };
			}
		}
		catch (e) {
			// not JSON: shown as the text it is
		}
		return { label: 'text', text: data };
	}
	return { label: 'json', text: JSON.stringify(data, null, 2) };
}

function formatTime(iso) {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour12: false });
}

function table(testId, rows, keyAttribute) {
	const body = el('tbody');
	for (const [name, value] of rows) {
		// header names are case-insensitive: the key is lower case, the label as it came
		body.append(el('tr', { [keyAttribute]: name.toLowerCase() }, el('th', { scope: 'row' }, name), el('td', {}, value)));
	}
	return el('table', { 'class': 'kv', 'data-testid': testId }, body);
}

function renderEvent(envelope) {
	const event = envelope.event;
	const names = attributeNames(event);
	const data = formatData(event);
	const headerRows = [];
	for (const [name, values] of Object.entries(envelope.headers || {})) {
		for (const value of values) {
			headerRows.push([name, value]);
		}
	}

	const kafka = envelope.kafka;
	const summary = el('summary', {},
		el('span', { 'class': `badge ${envelope.direction}`, 'data-testid': 'direction' }, envelope.direction),
		el('span', { 'class': 'summary-main' },
			el('span', { 'class': 'event-type', 'data-testid': 'event-type' }, event.type),
			el('span', { 'class': 'event-source', 'data-testid': 'event-source' }, event.source)),
		el('span', { 'class': 'summary-meta' },
			envelope.traceId ? el('code', { 'class': 'trace-id', 'data-testid': 'trace-id', title: 'trace id' }, envelope.traceId) : null,
			kafka ? el('span', { 'class': 'mode', 'data-testid': 'kafka-position' }, `kafka ${kafka.topic}/${kafka.partition}@${kafka.offset}`) : null,
			el('span', { 'class': 'mode' }, envelope.mode),
			el('time', { datetime: envelope.at, title: envelope.at }, formatTime(envelope.at))));

	const sections = el('div', { 'class': 'event-body' },
		el('section', {}, el('h3', {}, 'Attributes'),
			table('attributes', names.map((name) => [name, typeof event[name] === 'string' ? event[name] : JSON.stringify(event[name])]), 'data-attribute')),
		el('section', {}, el('h3', {}, 'Data', data ? el('span', { 'class': 'hint' }, data.label) : null),
			data ? el('pre', { 'class': 'data', 'data-testid': 'data' }, data.text) : el('p', { 'class': 'muted' }, 'no data')),
		kafka ? el('section', { 'class': 'span-2' }, el('h3', {}, 'Kafka record'),
			table('kafka', [['topic', kafka.topic], ['partition', String(kafka.partition)], ['offset', String(kafka.offset)]], 'data-kafka')) : null,
		el('section', { 'class': 'span-2' },
			el('h3', {}, `${kafka ? 'Kafka' : 'HTTP'} headers ${envelope.direction === 'sent' ? 'sent' : 'received'}`),
			headerRows.length ? table('headers', headerRows, 'data-header') : el('p', { 'class': 'muted' }, 'none')));

	return el('li', {
		'class': 'event',
		'data-testid': 'event',
		'data-sequence': envelope.sequence,
		'data-direction': envelope.direction,
		'data-type': event.type || '',
		'data-source': event.source || '',
		'data-id': event.id || '',
	}, el('details', {}, summary, sections));
}

function matchesFilter(item) {
	const type = $('filter-type').value.trim().toLowerCase();
	const source = $('filter-source').value.trim().toLowerCase();
	return item.dataset.type.toLowerCase().includes(type) && item.dataset.source.toLowerCase().includes(source);
}

function refreshList() {
	let visible = 0;
	for (const item of items.values()) {
		item.hidden = !matchesFilter(item);
		if (!item.hidden) {
			visible++;
		}
	}
	$('event-count').textContent = items.size === visible ? String(items.size) : `${visible} / ${items.size}`;
	$('empty').hidden = items.size > 0;
}

function addEvent(envelope) {
	if (items.has(envelope.sequence)) {
		return;
	}
	const item = renderEvent(envelope);
	items.set(envelope.sequence, item);
	// newest first: before the first item with a lower sequence
	const list = $('events');
	const next = [...list.children].find((other) => Number(other.dataset.sequence) < envelope.sequence);
	list.insertBefore(item, next || null);
	refreshList();
}

function clearEvents() {
	items.clear();
	$('events').replaceChildren();
	refreshList();
}

// ---- live stream -----------------------------------------------------------

function setConnection(state, text) {
	const connection = $('connection');
	connection.dataset.state = state;
	connection.textContent = text;
}

// events of a replay in progress, shown all at once when it ends; null when live
let replay = null;

// whether a replay has ended, after which the stream alone tells what to show
let replayed = false;

function connect() {
	const source = new EventSource('api/events/stream');
	// every (re)connection starts with a replay of the events so far, then 'replayed'
	source.addEventListener('open', () => {
		replay = [];
		setConnection('live', 'live');
	});
	source.addEventListener('error', () => setConnection('offline', 'reconnecting…'));
	source.addEventListener('event', (message) => {
		const envelope = JSON.parse(message.data);
		if (replay) {
			replay.push(envelope);
		}
		else {
			addEvent(envelope);
		}
	});
	source.addEventListener('replayed', () => {
		const events = replay || [];
		replay = null;
		replayed = true;
		clearEvents();
		events.forEach(addEvent);
	});
	source.addEventListener('clear', () => {
		if (replay) {
			replay = [];
		}
		else {
			clearEvents();
		}
	});
}

// the first paint shows the received events at once, whenever the stream comes; its
// replay then replaces them with the sent ones and every event's headers
async function showReceivedEvents() {
	const response = await fetch('api/events', { headers: { 'Accept': 'application/json' } });
	if (!response.ok) {
		return;
	}
	const events = await response.json();
	if (replayed) {
		return;
	}
	// oldest first, numbered below every sequence of the stream
	events.forEach((event, index) => addEvent({
		sequence: index - events.length,
		direction: 'received',
		mode: '',
		at: event.time || '',
		headers: {},
		event,
	}));
}

document.addEventListener('DOMContentLoaded', () => {
	const self = location.origin + '/';
	$('target').value = self;
	$('receive-url').textContent = self;
	$('curl-example').textContent = `curl -i ${self} \\
  -H 'ce-specversion: 1.0' -H 'ce-id: 1' \\
  -H 'ce-type: com.example.hello' -H 'ce-source: /curl' \\
  -H 'Content-Type: application/json' -d '{"hello": "world"}'`;
	$('add-extension').addEventListener('click', () => addExtensionRow().querySelector('.ext-name').focus());
	$('send-form').addEventListener('submit', send);
	$('clear').addEventListener('click', () => fetch('api/events', { method: 'DELETE' }));
	$('filter-type').addEventListener('input', refreshList);
	$('filter-source').addEventListener('input', refreshList);
	refreshList();
	// a failure here leaves the page to the stream, which reports its own state
	showReceivedEvents().catch(() => {});
	connect();
});
