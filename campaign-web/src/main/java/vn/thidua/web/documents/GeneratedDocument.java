package vn.thidua.web.documents;

/** A document made from the events up to {@code position}: its bytes, media type and file name. */
public record GeneratedDocument(String fileName, String mediaType, byte[] bytes, long position) {
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ZIP = "application/zip";
}
