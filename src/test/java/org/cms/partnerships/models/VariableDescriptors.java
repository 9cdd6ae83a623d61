package org.cms.partnerships.models;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every {@link ProcessVariable} the application declares (static final fields of its classes), by
 * variable name, with the class that owns it: what the model checks hold the models against.
 */
final class VariableDescriptors {

    record Declared(ProcessVariable<?> variable, String owner) {
    }

    private final Map<String, List<Declared>> byName = new TreeMap<>();

    static VariableDescriptors scan() throws IOException {
        VariableDescriptors found = new VariableDescriptors();
        String base = "org/cms/partnerships/";
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + base + "**/*.class")) {
            String url = resource.getURL().toString();
            if (url.contains("/test-classes/")) {
                continue;
            }
            String className = url.substring(url.indexOf(base)).replace(".class", "").replace('/', '.');
            found.addDeclaredIn(className);
        }
        return found;
    }

    private void addDeclaredIn(String className) {
        try {
            Class<?> type = Class.forName(className, false, getClass().getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                    field.setAccessible(true);
                    ProcessVariable<?> variable = (ProcessVariable<?>) field.get(null);
                    byName.computeIfAbsent(variable.name(), n -> new ArrayList<>())
                            .add(new Declared(variable, type.getSimpleName() + "." + field.getName()));
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Cannot read " + className, e);
        }
    }

    ProcessVariable<?> get(String name) {
        List<Declared> declared = byName.get(name);
        return declared == null ? null : declared.get(0).variable();
    }

    Map<String, List<Declared>> all() {
        return byName;
    }
}
