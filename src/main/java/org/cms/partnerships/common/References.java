package org.cms.partnerships.common;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Register references ({@code CMS-WCS-2007}, {@code JWP-CMS-CITES-2012-2014}) are upper case; a caller
 * may type them in any case and with stray blanks. Every {@code {reference}} path variable and
 * {@code ?reference=} parameter of every controller is normalised here, in one place, before the
 * controller sees it: {@code .../cms-wcs-2007/annual-review} and {@code .../CMS-WCS-2007/annual-review}
 * are the same request (and the database's one-running-process rule holds whatever the case).
 */
@ControllerAdvice(basePackages = "org.cms.partnerships")
public class References {

    public static String normalised(String reference) {
        return reference == null ? null : reference.strip().toUpperCase(Locale.ROOT);
    }

    @InitBinder("reference")
    void normaliseReferences(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(normalised(text));
            }
        });
    }
}
