package dev.cloudevents.spring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Resets the {@link MockCloudEventTarget} and {@link MockKafkaCloudEventTarget} of a
 * test's application context after each test method, as the context and its targets
 * outlive the method.
 */
class MockCloudEventTargetResetTestExecutionListener extends AbstractTestExecutionListener {

	private static final boolean kafkaPresent = ClassUtils.isPresent("org.springframework.kafka.core.ProducerFactory",
			MockCloudEventTargetResetTestExecutionListener.class.getClassLoader());

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			context.getBeanProvider(MockCloudEventTarget.class).ifAvailable(MockCloudEventTarget::reset);
			if (kafkaPresent) {
				context.getBeanProvider(MockKafkaCloudEventTarget.class).ifAvailable(MockKafkaCloudEventTarget::reset);
			}
		}
	}

}
