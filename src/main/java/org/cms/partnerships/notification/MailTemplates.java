package org.cms.partnerships.notification;

import java.util.Locale;
import java.util.Map;
import org.cms.partnerships.register.Language;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders e-mails from plain-text Thymeleaf templates under {@code mail/}, one file per template
 * and language ({@code endorsement-documents.fr.txt}). The first line is the subject, the rest the
 * body. Every template exists in English, French and Spanish (a test checks it).
 */
@Component
public class MailTemplates {

    public record Rendered(String subject, String body) {
    }

    // Spring flavour: expressions are SpEL, as in the web templates.
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
    }

    public Rendered render(String template, Language language, Map<String, Object> model) {
        Context context = new Context(locale(language), model);
        String text = engine.process(template + "." + language.name().toLowerCase(), context).strip();
        int newline = text.indexOf('\n');
        if (newline < 0) {
            throw new IllegalStateException("Mail template " + template + " has no body after its subject line");
        }
        return new Rendered(text.substring(0, newline).strip(), text.substring(newline + 1).strip() + "\n");
    }

    static Locale locale(Language language) {
        return switch (language) {
            case EN -> Locale.UK;
            case FR -> Locale.FRANCE;
            case ES -> new Locale("es", "ES");
        };
    }
}
