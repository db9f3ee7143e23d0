package io.github.discordgateway.autoconfigure;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.event.EventListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.session.GatewayObserver;

/**
 * Makes the {@code @EventListener} methods that take gateway events independent of each other: Spring's
 * synchronous multicaster stops at the first listener that throws, so the others would silently miss the event.
 * Here a failing listener is logged with the event's name, sequence and shard, the {@link GatewayObserver}s hear
 * of it (the {@code discord.gateway.listener.errors} meter), and the next one still runs.
 * Listeners of other events are left to Spring's default factory.
 *
 * @since 0.1.0
 */
public class DispatchEventListenerFactory implements EventListenerFactory, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(DispatchEventListenerFactory.class);

	private final Supplier<Stream<GatewayObserver>> observers;

	/**
	 * @param observers told of each listener that fails (asked at each failure: they may be created later)
	 */
	public DispatchEventListenerFactory(Supplier<Stream<GatewayObserver>> observers) {
		this.observers = observers;
	}

	@Override
	public boolean supportsMethod(Method method) {
		EventListener annotation = AnnotatedElementUtils.findMergedAnnotation(method, EventListener.class);
		if (annotation == null) {
			return false;
		}
		List<Class<?>> types = (annotation.classes().length > 0) ? Arrays.asList(annotation.classes())
				: Arrays.asList(method.getParameterTypes());
		return !types.isEmpty() && types.stream().allMatch(DispatchEvent.class::isAssignableFrom);
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		return new IsolatedListener(beanName, type, method, this.observers);
	}

	@Override
	public int getOrder() {
		// Before Spring's default factory (lowest precedence), after the transactional one (50).
		return Ordered.LOWEST_PRECEDENCE - 1000;
	}

	private static final class IsolatedListener extends ApplicationListenerMethodAdapter {

		private final Supplier<Stream<GatewayObserver>> observers;

		IsolatedListener(String beanName, Class<?> targetClass, Method method,
				Supplier<Stream<GatewayObserver>> observers) {
			super(beanName, targetClass, method);
			this.observers = observers;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			try {
				super.onApplicationEvent(event);
			}
			catch (RuntimeException | Error ex) {
				Object payload = (event instanceof PayloadApplicationEvent<?> wrapper) ? wrapper.getPayload() : event;
				if (payload instanceof DispatchEvent dispatch) {
					DispatchEventListenerFactory.logger.error("Listener {} failed on {} (sequence {}, shard {}); the other listeners still run",
							getListenerId(), dispatch.getName(), dispatch.getSequence(), dispatch.getShardId(), ex);
					failed(dispatch, ex);
				}
				else {
					throw ex;
				}
			}
		}

		private void failed(DispatchEvent dispatch, Throwable failure) {
			this.observers.get().forEach((observer) -> {
				try {
					observer.listenerFailed(dispatch, failure);
				}
				catch (RuntimeException ex) {
					DispatchEventListenerFactory.logger.warn("An observer failed on a listener's failure", ex);
				}
			});
		}

	}

}
