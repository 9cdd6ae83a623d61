package org.cms.partnerships.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Stored text shows as text in Tasklist forms, never as markup. A form's text block is Markdown with
 * {@code {{variable}}} placeholders, which Tasklist fills in and renders as HTML; an agreement title, a partner
 * name or a Family instrument named {@code <img src=x onerror=...>} or {@code [click](http://evil)} would become
 * an image or a link. Every variable a text block of the deployed forms interpolates (found in {@code forms/*.form}
 * at start) is therefore shown escaped: when a user task is created, a task-local copy with its HTML and Markdown
 * characters escaped stands in for the variable, for that task's form only. Values without such characters are
 * left alone, and the process and the register keep the text as it was entered. {@code commentsSoFar} is escaped
 * where it is made ({@code CommentsSoFar}).
 */
@Component
public class FormTextPlugin extends AbstractProcessEnginePlugin {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    /** Already made safe where they are made. */
    private static final Set<String> ESCAPED_AT_SOURCE = Set.of(org.cms.partnerships.agreement.AgreementProcess.COMMENTS_SO_FAR.name());
    /** What Markdown reads as markup within a line. */
    private static final String MARKDOWN = "\\`*_{}[]()#+!|~";

    private final Set<String> shown = shownInFormText("classpath*:forms/**/*.form");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener escape = this::escapeShownText;
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, escape);
            }
        });
    }

    /** The variables the forms' text blocks interpolate. */
    public Set<String> shown() {
        return shown;
    }

    void escapeShownText(DelegateTask task) {
        for (String name : shown) {
            if (task.getVariable(name) instanceof String text) {
                String safe = escape(text);
                if (!safe.equals(text)) {
                    task.setVariableLocal(name, safe);
                }
            }
        }
    }

    /** HTML's {@code < > &} as entities, Markdown's punctuation backslash-escaped, line breaks as spaces. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.replaceAll("[\\r\\n]+", " ").codePoints().forEach(c -> out.append(switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            default -> MARKDOWN.indexOf(c) >= 0 ? "\\" + (char) c : Character.toString(c);
        }));
        return out.toString();
    }

    static Set<String> shownInFormText(String pattern) {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms to find what their text blocks show", e);
        }
        names.removeAll(ESCAPED_AT_SOURCE);
        return Set.copyOf(names);
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject() && "text".equals(node.path("type").asText()) && node.path("text").isTextual()) {
            Matcher placeholder = PLACEHOLDER.matcher(node.path("text").asText());
            while (placeholder.find()) {
                names.add(placeholder.group(1));
            }
        }
        node.forEach(child -> collect(child, names));
    }
}
