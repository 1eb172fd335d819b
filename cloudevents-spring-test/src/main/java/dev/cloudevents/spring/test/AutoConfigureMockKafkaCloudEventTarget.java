package dev.cloudevents.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation on a test class that adds a {@link MockKafkaCloudEventTarget} bean and its
 * producer factory in place of Boot's: the auto-configured
 * {@code KafkaCloudEventTemplate} (and Boot's {@code KafkaTemplate}) send to the target,
 * and a {@code @SpringBootTest} of code that sends events to Kafka needs no broker. Every
 * record sent must be a CloudEvent. The target is reset after each test method.
 * <pre class="code">
 * &#64;SpringBootTest(properties = "cloudevents.kafka.topic=orders")
 * &#64;AutoConfigureMockKafkaCloudEventTarget
 * class OrderServiceTests {
 *
 *     &#64;Autowired MockKafkaCloudEventTarget target;
 *     &#64;Autowired OrderService orders;
 *
 *     &#64;Test
 *     void placingAnOrderSendsAnEvent() {
 *         target.expect("com.example.order.created");
 *         orders.place(new Order("42", 3));
 *         target.verify();
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureMockKafkaCloudEventTarget {

}
