package vn.thidua.web.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every error the application answers outside a controller's own handling — a path the firewall refuses (dot
 * segments, {@code ;}, {@code //}), an unknown path, a method or media type not served, a CSRF refusal, an
 * exception no handler took — comes here (Spring Boot's {@code /error}, replacing its default controller). Under
 * {@code /api/} the answer is RFC 9457 problem+json whatever the {@code Accept} header says; everywhere else it is
 * the HTML error page in the reader's language (Vietnamese by default), never JSON. Errors Tomcat answers before
 * the application sees the request are {@link ApiOrPageErrorReportValve}'s.
 */
@Controller
public class ErrorPages implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final ObjectProvider<ThymeleafViewResolver> views;

    public ErrorPages(ObjectProvider<ThymeleafViewResolver> views) {
        this.views = views;
    }

    /** Tomcat's error report for what never reaches the application: {@link ApiOrPageErrorReportValve}. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiOrPageErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiOrPageErrorReportValve.class.getName());
            }
        });
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        response.setStatus(status);
        if (path.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(problemJson(status).getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            View view = views.getObject().resolveViewName("error-page", RequestContextUtils.getLocale(request));
            if (view != null) {
                view.render(Map.of("messageKey", messageKey(status)), request, response);
                return;
            }
        } catch (Exception e) {
            log.warn("could not render the error page for {}", status, e);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(plainPage(status).getBytes(StandardCharsets.UTF_8));
    }

    static String messageKey(int status) {
        return switch (status) {
            case 401, 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "error.methodNotAllowed";
            case 413, 414 -> "error.tooLarge";
            case 415 -> "error.unsupported";
            case 429 -> "error.tooMany";
            default -> status >= 500 ? "error.internal" : "error.badRequest";
        };
    }

    /** The problem of a status, with the type and title the API uses elsewhere (ProblemHandler, SecurityConfig). */
    static String problemJson(int status) {
        String type;
        String title;
        String detail;
        switch (status) {
            case 400 -> { type = "invalid-input"; title = "Invalid input"; detail = "the request's path or parameters are not valid"; }
            case 401 -> { type = "unauthenticated"; title = "Unauthorized"; detail = "authentication required"; }
            case 403 -> { type = "forbidden"; title = "Forbidden"; detail = "not allowed"; }
            case 404 -> { type = "not-found"; title = "Not found"; detail = "no resource at this path"; }
            case 405 -> { type = "method-not-allowed"; title = "Method not allowed"; detail = "this resource does not accept this method"; }
            case 406 -> { type = "not-acceptable"; title = "Not acceptable"; detail = "no answer in the media type asked for"; }
            case 413 -> { type = "too-large"; title = "Payload too large"; detail = "the request is too large"; }
            case 414 -> { type = "too-large"; title = "URI too long"; detail = "the request's path or parameters are too long"; }
            case 415 -> { type = "unsupported-media-type"; title = "Unsupported media type"; detail = "this resource does not accept this content type"; }
            case 429 -> { type = "too-many-requests"; title = "Too many requests"; detail = "retry later"; }
            default -> {
                if (status >= 500) {
                    type = "internal"; title = "Internal error"; detail = "the request could not be processed; it has been logged";
                } else {
                    type = "invalid-input"; title = "Invalid input"; detail = "the request is not valid";
                }
            }
        }
        String errors = "invalid-input".equals(type) ? ",\"errors\":[]" : "";
        return "{\"type\":\"https://thidua.vn/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + errors + "}";
    }

    /** A page that needs nothing from the application: for Tomcat's own refusals. */
    static String plainPage(int status) {
        String message = switch (status) {
            case 404 -> "Không tìm thấy nội dung yêu cầu.";
            case 413, 414 -> "Dữ liệu hoặc đường dẫn gửi lên quá lớn.";
            default -> status >= 500 ? "Đã có lỗi ở máy chủ; lỗi đã được ghi lại."
                    : "Yêu cầu không hợp lệ (đường dẫn hoặc tham số sai).";
        };
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Có lỗi · Thi đua</title></head>"
                + "<body><main><h1>Có lỗi</h1><p>" + message + " (" + status + ")</p><p><a href=\"/\">Về trang chủ</a>"
                + "</p></main></body></html>";
    }
}
