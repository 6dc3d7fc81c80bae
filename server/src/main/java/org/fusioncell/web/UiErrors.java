package org.fusioncell.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.RequestBodyTooLargeException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shared exceptions thrown by UI controllers become error pages: API controllers already
 * answered them as problem details ({@code shared.ProblemDetails} runs first), so what reaches this
 * resolver comes from a page. The status is set and {@code /error} renders the translated page.
 */
@Configuration(proxyBeanMethods = false)
class UiErrors implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(UiErrors::resolve);
    }

    private static ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception error) {
        int status;
        if (error instanceof NotFoundException) {
            status = HttpServletResponse.SC_NOT_FOUND;
        } else if (error instanceof InvalidInputException) {
            status = HttpServletResponse.SC_BAD_REQUEST;
        } else if (RequestBodyTooLargeException.findIn(error) != null) {
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        } else {
            return null;
        }
        try {
            response.sendError(status);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
