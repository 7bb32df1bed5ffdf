package vn.thidua.web.ui;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.web.excel.ExportController;
import vn.thidua.web.excel.ImportController;
import vn.thidua.web.excel.LaunchController;

/** Errors on web pages are pages, in the reader's language; the REST API answers problem+json instead. */
@ControllerAdvice(basePackages = "vn.thidua.web.ui", assignableTypes = {ImportController.class, LaunchController.class,
        ExportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiErrors {

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String forbidden(Model model) {
        model.addAttribute("messageKey", "error.forbidden");
        return "error-page";
    }

    /** A refusal that reached a page without a form to show it on: the rule's message in the reader's language. */
    @ExceptionHandler(RuleViolation.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    public String refused(RuleViolation e, Model model) {
        model.addAttribute("messageKey", "rule." + e.rule());
        return "error-page";
    }

    @ExceptionHandler(InvalidValue.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String invalid(InvalidValue e, Model model) {
        // A malformed "as of" date (the dashboard's Excel export) is named; any other value gets the general message.
        model.addAttribute("messageKey", "asOf".equals(e.field()) ? "error.invalid.asOf" : "error.invalid");
        return "error-page";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(Model model) {
        model.addAttribute("messageKey", "error.notFound");
        return "error-page";
    }
}
