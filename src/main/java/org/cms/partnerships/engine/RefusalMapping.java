package org.cms.partnerships.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds {@link RefusalMapper} to every Jersey application of this server, found by Jersey through
 * {@code META-INF/services}: the webapps' engine API is registered by the Camunda starter itself and
 * offers no other way to add a provider.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class RefusalMapping implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(RefusalMapper.ForRestException.class)) {
            context.register(RefusalMapper.ForRestException.class);
            context.register(RefusalMapper.ForEngineException.class);
            context.register(RefusalMapper.ForAnyException.class);
        }
    }
}
