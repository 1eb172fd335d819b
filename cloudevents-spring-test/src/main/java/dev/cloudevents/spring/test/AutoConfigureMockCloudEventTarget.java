package dev.cloudevents.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation on a test class that adds a {@link MockCloudEventTarget} bean and delivers
 * to it every request of the {@code RestClient}s and {@code WebClient}s built from Boot's
 * builders, the auto-configured {@code CloudEventTemplate} and
 * {@code ReactiveCloudEventTemplate} included, whatever their target URI (without Boot's
 * client modules, it provides the builders the templates take): a {@code @SpringBootTest}
 * of code that sends events needs no running target and no port. The target is reset
 * after each test method. <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureMockCloudEventTarget
 * class OrderServiceTests {
 *
 *     &#64;Autowired MockCloudEventTarget target;
 *     &#64;Autowired OrderService orders;
 *
 *     &#64;Test
 *     void placingAnOrderSendsAnEvent() {
 *         target.expect("com.example.order.created");
 *         orders.place(new Order("42", 3));
 *         target.verify();
 *     }
 * }
 * </pre> Like {@code MockRestServiceServer} bound to Boot's builders, it takes every
 * request of those clients, not only the templates': one that is not a CloudEvent fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureMockCloudEventTarget {

}
