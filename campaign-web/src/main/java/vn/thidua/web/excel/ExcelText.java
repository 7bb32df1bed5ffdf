package vn.thidua.web.excel;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** The {@code i18n/excel} bundle in the reader's language (Vietnamese unless {@code ?lang=en}). */
@Component
public class ExcelText {
    private final MessageSource messages;

    public ExcelText(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    public String[] all(String... keys) {
        String[] out = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = get(keys[i]);
        }
        return out;
    }

    public String message(CellError error) {
        List<Object> args = error.args();
        return get(error.key(), args.toArray());
    }

    public String yesNo(boolean yes) {
        return get(yes ? "excel.yes" : "excel.no");
    }

    public String achieved(boolean yes) {
        return get(yes ? "excel.achieved" : "excel.notAchieved");
    }

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
