package vn.thidua.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Consistency;
import vn.thidua.web.app.Dispatched;
import vn.thidua.web.security.AppUser;

import java.util.UUID;

/**
 * A controller's {@link Caller} parameter, read off the request once: the signed-in user, {@code X-Correlation-Id}
 * (or a new one), {@code X-Request-Id} and {@code Consistency}. The application services get it explicitly.
 */
public final class Callers implements HandlerMethodArgumentResolver {
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TIMEOUT_HEADER = "Consistency-Timeout";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AppUser user)) {
            throw new AccessDeniedException("sign in to do this");
        }
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return of(user, request);
    }

    public static Caller of(AppUser user, HttpServletRequest request) {
        String correlation = header(request, CORRELATION_HEADER);
        return new Caller(user, correlation != null ? correlation : UUID.randomUUID().toString(),
                header(request, REQUEST_ID_HEADER),
                Consistency.fromHeader(request == null ? null : request.getHeader(Consistency.HEADER)));
    }

    /** The answer, saying in a header which projection had not caught up when {@code Consistency: wait} gave up. */
    public static <T> ResponseEntity<T> answer(ResponseEntity.BodyBuilder builder, T body, Dispatched<?> sent) {
        if (sent.notCaughtUp() != null) {
            builder.header(TIMEOUT_HEADER, sent.notCaughtUp());
        }
        return builder.body(body);
    }

    private static String header(HttpServletRequest request, String name) {
        if (request == null) {
            return null;
        }
        String value = request.getHeader(name);
        return value == null || value.isBlank() || value.length() > 200 ? null : value;
    }

}
