package vn.thidua.web.excel;

import java.util.List;

/**
 * One bad cell of an uploaded workbook: the sheet's name, the row number and column letter as Excel shows them
 * (column empty when the error is about a whole row or sheet), and a message key of {@code i18n/excel} with its
 * arguments, resolved in the reader's language when shown.
 */
public record CellError(String sheet, int row, String column, String key, List<Object> args) {

    public static CellError of(String sheet, int row, String column, String key, Object... args) {
        return new CellError(sheet, row, column == null ? "" : column, key, List.of(args));
    }

}
