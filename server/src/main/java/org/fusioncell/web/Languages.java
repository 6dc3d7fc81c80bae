package org.fusioncell.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The three languages of the UI. The choice comes from {@code ?lang=}, then the {@code fc_lang}
 * cookie, then the browser's Accept-Language, then Arabic's neighbours' default, English.
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

    public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("ar"), Locale.FRENCH, Locale.ENGLISH);

    /** Right-to-left scripts among the supported languages. */
    public static boolean isRightToLeft(Locale locale) {
        return "ar".equals(locale.getLanguage());
    }

    @Bean
    LocaleResolver localeResolver(
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("fc_lang");
        resolver.setCookieSecure(secure);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            for (java.util.Enumeration<Locale> e = request.getLocales(); e.hasMoreElements(); ) {
                Locale wanted = e.nextElement();
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
