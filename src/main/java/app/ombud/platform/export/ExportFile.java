package app.ombud.platform.export;

/** A file to download: its name, its media type and its bytes. */
public record ExportFile(String filename, String contentType, byte[] content) {

    public static final String PDF = "application/pdf";
}
