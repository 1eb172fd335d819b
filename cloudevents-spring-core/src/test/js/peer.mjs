#!/usr/bin/env node
// Interoperability peer: drives the CloudEvents JavaScript SDK (npm cloudevents, pinned in
// package.json) for the Java tests. It only calls the SDK's public API; see PEER-NOTES.md
// for how that SDK departs from the specification.
//
//   node peer.mjs send <url> <binary|structured> <eventJsonFile> [--lenient]
//     Builds an SDK CloudEvent from the event description (CloudEvents JSON format, 1.0 or 0.3),
//     encodes it with HTTP.binary / HTTP.structured, POSTs it with fetch and prints ONE JSON line:
//       {"status":int,"headers":{..},"body":"text","sent":{"headers":{..},"body":..},"reply":{..}?}
//     "reply" is present when the response is itself a CloudEvent ("replyError" when the SDK
//     rejects it). If the SDK refuses the event or fetch refuses the message, it prints
//       {"error":"message","stage":"build|encode|post"}
//     instead. Exit code 0 in both cases; 1 on bad usage or an unexpected crash.
//     --lenient builds the event with the SDK's strict=false (no validation).
//
//   node peer.mjs receive <portFile>
//     Serves HTTP on 127.0.0.1:<random port>, writes the port to portFile (atomically), and
//     for every POST parses the request with HTTP.toEvent, answers 202 (400 + error message if
//     the SDK rejects it) and prints one JSON line per request:
//       {"mode":"binary|structured|batch|none","headers":{..},"body":"..","bodyBase64":bool,
//        "event":{..}} or "events":[..] for batches, or "error":"message"
//     GET /events answers the JSON array of all those records. Exits when stdin closes or on
//     SIGTERM/SIGINT.
//
// Event representation (both directions): CloudEvents JSON format; binary data (a typed
// array in the SDK) is reported as "data_base64".

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import sdk from "cloudevents";

const { CloudEvent, HTTP } = sdk;

function isBinary(value) {
	return ArrayBuffer.isView(value);
}

// The event description as the SDK constructor wants it: data_base64 becomes the decoded bytes.
function toSdkInput(description) {
	const input = { ...description };
	if (typeof input.data_base64 === "string") {
		input.data = new Uint8Array(Buffer.from(input.data_base64, "base64"));
		delete input.data_base64;
	}
	return input;
}

// An SDK event as CloudEvents JSON: its own attributes as the SDK holds them (no toJSON(), which
// would re-normalize time), binary data as data_base64.
function describe(event) {
	const out = {};
	for (const [key, value] of Object.entries(event)) {
		if (value === undefined || key === "data" || key === "data_base64") {
			continue;
		}
		out[key] = isBinary(value) ? Buffer.from(value).toString("base64") : value;
	}
	if (isBinary(event.data)) {
		// Buffer.from(typedArray) takes one byte per element, which is what the SDK means
		// (it decodes structured data_base64 into a Uint32Array of byte values).
		out.data_base64 = Buffer.from(event.data).toString("base64");
	}
	else if (event.data !== undefined) {
		out.data = event.data;
	}
	else if (typeof event.data_base64 === "string") {
		out.data_base64 = event.data_base64;
	}
	return out;
}

// The SDK's JSON parser only parses strings (a Buffer passes through unparsed), so textual
// bodies are handed over as UTF-8 strings and everything else as a Buffer, like a typical
// Node server (express.text / express.raw) would.
function isTextual(contentType) {
	if (!contentType) {
		return true;
	}
	return /json|xml|^\s*text\/|^\s*application\/cloudevents|x-www-form-urlencoded|javascript/i.test(contentType);
}

function messageBody(headers, bytes) {
	return isTextual(headers["content-type"]) ? bytes.toString("utf8") : bytes;
}

// The mode the SDK picks, by the same rule as its getMode() (message/http/index.js).
function detectMode(headers) {
	const contentType = headers["content-type"];
	if (contentType && contentType.startsWith("application/cloudevents-batch+json")) {
		return "batch";
	}
	if (contentType && contentType.startsWith("application/cloudevents")) {
		return "structured";
	}
	return headers["ce-id"] ? "binary" : "none";
}

function parse(headers, bytes) {
	const result = HTTP.toEvent({ headers, body: messageBody(headers, bytes) });
	return Array.isArray(result) ? { events: result.map(describe) } : { event: describe(result) };
}

function rawBody(bytes, headers) {
	return isTextual(headers["content-type"])
		? { body: bytes.toString("utf8"), bodyBase64: false }
		: { body: bytes.toString("base64"), bodyBase64: true };
}

function errorMessage(error) {
	return error && error.message ? error.message : String(error);
}

async function send(url, mode, eventFile, lenient) {
	const description = JSON.parse(readFileSync(eventFile, "utf8"));
	let event;
	try {
		event = new CloudEvent(toSdkInput(description), !lenient);
	}
	catch (error) {
		return { error: errorMessage(error), stage: "build" };
	}
	let message;
	try {
		message = mode === "binary" ? HTTP.binary(event) : HTTP.structured(event);
	}
	catch (error) {
		return { error: errorMessage(error), stage: "encode" };
	}
	const sent = {
		headers: message.headers,
		body: isBinary(message.body) ? Buffer.from(message.body).toString("base64") : message.body,
		bodyBase64: isBinary(message.body),
	};
	let response;
	try {
		response = await fetch(url, { method: "POST", headers: message.headers, body: message.body });
	}
	catch (error) {
		return { error: errorMessage(error.cause || error), stage: "post", sent };
	}
	const headers = Object.fromEntries(response.headers.entries());
	const bytes = Buffer.from(await response.arrayBuffer());
	const result = { status: response.status, headers, body: bytes.toString("utf8"), sent };
	if (detectMode(headers) !== "none") {
		try {
			const reply = parse(headers, bytes);
			result.reply = reply.event || reply.events;
		}
		catch (error) {
			result.replyError = errorMessage(error);
		}
	}
	return result;
}

function receive(portFile) {
	const received = [];
	const server = createServer((request, response) => {
		const chunks = [];
		request.on("data", (chunk) => chunks.push(chunk));
		request.on("end", () => {
			if (request.method === "GET" && request.url === "/events") {
				response.writeHead(200, { "content-type": "application/json" });
				response.end(JSON.stringify(received));
				return;
			}
			if (request.method !== "POST") {
				response.writeHead(405).end();
				return;
			}
			const bytes = Buffer.concat(chunks);
			const headers = request.headers;
			const record = { mode: detectMode(headers), headers, ...rawBody(bytes, headers) };
			let status = 202;
			try {
				Object.assign(record, parse(headers, bytes));
			}
			catch (error) {
				record.error = errorMessage(error);
				status = 400;
			}
			received.push(record);
			process.stdout.write(JSON.stringify(record) + "\n");
			if (status === 202) {
				response.writeHead(202).end();
			}
			else {
				response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(record.error);
			}
		});
	});
	const stop = () => {
		server.close();
		process.exit(0);
	};
	process.on("SIGTERM", stop);
	process.on("SIGINT", stop);
	process.stdin.on("end", stop);
	process.stdin.on("close", stop);
	process.stdin.resume();
	server.listen(0, "127.0.0.1", () => {
		const temporary = `${portFile}.${process.pid}.tmp`;
		writeFileSync(temporary, String(server.address().port));
		renameSync(temporary, portFile);
	});
}

function usage() {
	process.stderr.write("usage: node peer.mjs send <url> <binary|structured> <eventJsonFile> [--lenient]\n"
		+ "       node peer.mjs receive <portFile>\n");
	process.exit(1);
}

const [command, ...args] = process.argv.slice(2);
if (command === "send") {
	const [url, mode, eventFile, flag] = args;
	if (!url || !["binary", "structured"].includes(mode) || !eventFile || (flag && flag !== "--lenient")) {
		usage();
	}
	send(url, mode, eventFile, flag === "--lenient").then(
		(result) => process.stdout.write(JSON.stringify(result) + "\n"),
		(error) => {
			process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
			process.exit(1);
		});
}
else if (command === "receive" && args.length === 1) {
	receive(args[0]);
}
else {
	usage();
}
