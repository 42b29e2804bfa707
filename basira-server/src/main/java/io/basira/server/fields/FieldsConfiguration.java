package io.basira.server.fields;

import io.basira.fields.BuiltInFields;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.FieldSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's field catalogue: the core's built-in fields ({@link BuiltInFields}) followed by the fields of
 * every {@link FieldSet} bean, in bean order. A feature registers its fields by declaring such a bean.
 */
@Configuration(proxyBeanMethods = false)
public class FieldsConfiguration {

    @Bean
    FieldCatalogue fieldCatalogue(ObjectProvider<FieldSet> features) {
        return BuiltInFields.catalogue().with(features.orderedStream().toList());
    }
}
