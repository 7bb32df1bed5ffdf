package vn.thidua.web.ui.forms;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the form controllers share: asking a permission without failing the page, the message shown after the
 * redirect, and a whole number read from what was typed in a field.
 */
final class FormSupport {
    private FormSupport() {
    }

    /** Whether the check passes: a refusal only hides what the user may not do. */
    static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** The message of {@code key}, in the request's language, shown on the page the redirect leads to. */
    static void flash(RedirectAttributes redirect, MessageSource messages, String key) {
        redirect.addFlashAttribute("flashMessage", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
    }

    /** The whole number typed, or null when nothing was typed or it is not one (then the field shows why). */
    static Integer integer(String raw, String path, FormErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            errors.field(path, "field.whole-number");
            return null;
        }
    }
}
