package vn.thidua.web.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart request over {@code spring.servlet.multipart} limits fails while the request is read, before any
 * controller is chosen (so no controller's advice applies), and again in the error dispatch, which then answers an
 * empty 413. This advice, for every handler or none, answers it at once: 413 problem+json under {@code /api/}, the
 * short error page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimits {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<String> tooLarge(HttpServletRequest request) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        return ResponseEntity.status(413)
                .contentType(api ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(api ? ErrorPages.problemJson(413) : ErrorPages.plainPage(413));
    }
}
