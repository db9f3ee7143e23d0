package io.github.discordgateway.protocol;

import java.lang.reflect.Constructor;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleValueInstantiators;

/**
 * Makes records (and other types built through a constructor that takes their properties) by calling the
 * constructor directly. Jackson 3.1 calls it through {@code MethodHandle.invokeWithArguments}, which builds a
 * spreader on every call; with a dozen records per message that was a tenth of a typed read. A call that fails
 * is repeated the way Jackson makes it, so failures are reported exactly as before.
 */
@SuppressWarnings("serial")
final class DirectConstructorInstantiators extends SimpleValueInstantiators {

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
			BeanDescription.Supplier description, ValueInstantiator instantiator) {
		if (instantiator.getClass() == StdValueInstantiator.class
				&& instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator
				&& creator.getAnnotated().canAccess(null)) {
			return new DirectConstructorInstantiator((StdValueInstantiator) instantiator, creator.getAnnotated());
		}
		return instantiator;
	}

	@SuppressWarnings("serial")
	private static final class DirectConstructorInstantiator extends StdValueInstantiator {

		private final transient Constructor<?> constructor;

		DirectConstructorInstantiator(StdValueInstantiator instantiator, Constructor<?> constructor) {
			super(instantiator);
			this.constructor = constructor;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (ReflectiveOperationException | IllegalArgumentException ex) {
				return super.createFromObjectWith(context, arguments);
			}
		}

	}

}
