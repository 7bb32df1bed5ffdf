package vn.thidua.web.excel;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.thidua.domain.shared.NotFound;

/** The upload pages answer with the app's error page (in the reader's language), not problem+json. */
@ControllerAdvice(assignableTypes = {ImportController.class, LaunchController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ExcelPageErrors {

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String forbidden(Model model) {
        model.addAttribute("messageKey", "error.forbidden");
        return "error-page";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(Model model) {
        model.addAttribute("messageKey", "error.notFound");
        return "error-page";
    }
}
