package org.dutygraph.complaints.photos;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Makes an uploaded photo safe to keep: the type is decided by its first bytes (never by the name or the
 * declared content type), size, pixel count and decoded size (from the header's sample layout) are checked
 * before anything is decoded, and the picture is decoded (a few at a time), scaled down, turned upright and
 * re-encoded as a fresh JPEG. Nothing of the original file
 * survives but its pixels: no EXIF (GPS, device, time), XMP, IPTC, ICC comments or thumbnails.
 */
public final class PhotoSanitizer {

    public record Clean(byte[] jpeg, int width, int height, String sha256) {}

    public static final class PhotoRejected extends Exception {

        private final String code;
        private final Text text;

        PhotoRejected(String code, Text text) {
            super(text.toString());
            this.code = code;
            this.text = text;
        }

        public String code() {
            return code;
        }

        /** Why, for the uploader to read in their language. */
        public Text text() {
            return text;
        }
    }

    private final int maxBytes;
    private final long maxPixels;
    private final long maxDecodedBytes;
    private final int maxSide;
    private final DecodePermits permits;

    public PhotoSanitizer(int maxBytes, long maxPixels, long maxDecodedBytes, int maxSide, DecodePermits permits) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.maxDecodedBytes = maxDecodedBytes;
        this.maxSide = maxSide;
        this.permits = permits;
    }

    public Clean sanitize(byte[] upload) throws PhotoRejected, DecodePermits.Busy {
        if (upload.length > maxBytes) {
            throw new PhotoRejected("TOO_LARGE", Text.of(ComplaintTexts.PHOTO_TOO_LARGE, maxBytes));
        }
        var format = format(upload);
        var header = ImageHeader.read(upload, format);
        check(header);
        permits.acquire();
        try {
            var image = decode(upload, format, header);
            // Scale first: turning a full-size picture upright would copy all of its pixels once more.
            image = scaled(image);
            if (format.equals("jpeg")) {
                image = upright(image, orientation(upload));
            }
            image = toRgb(image);
            var jpeg = encode(image);
            return new Clean(jpeg, image.getWidth(), image.getHeight(), sha256(jpeg));
        } finally {
            permits.release();
        }
    }

    private void check(ImageHeader header) throws PhotoRejected {
        if (header.pixels() > maxPixels) {
            throw new PhotoRejected(
                    "TOO_MANY_PIXELS", Text.of(ComplaintTexts.PHOTO_TOO_MANY_PIXELS, maxPixels, header.pixels()));
        }
        if (header.decodedBytes() > maxDecodedBytes) {
            throw new PhotoRejected(
                    "TOO_MANY_DECODED_BYTES",
                    Text.of(
                            ComplaintTexts.PHOTO_TOO_MANY_DECODED_BYTES,
                            maxDecodedBytes,
                            header.decodedBytes(),
                            header.width(),
                            header.height(),
                            header.channels(),
                            header.bytesPerSample()));
        }
    }

    static String format(byte[] b) throws PhotoRejected {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (b.length > 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "png";
        }
        if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            throw new PhotoRejected("UNSUPPORTED_TYPE", Text.of(ComplaintTexts.PHOTO_HEIC));
        }
        throw new PhotoRejected("UNSUPPORTED_TYPE", Text.of(ComplaintTexts.PHOTO_TYPE));
    }

    private static BufferedImage decode(byte[] upload, String format, ImageHeader header) throws PhotoRejected {
        ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            // The limits were checked on our reading of the header: the decoder must read the same size.
            if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                throw new PhotoRejected("UNREADABLE", Text.of(ComplaintTexts.PHOTO_SIZES_DISAGREE));
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new PhotoRejected("UNREADABLE", Text.of(ComplaintTexts.PHOTO_UNREADABLE, format.toUpperCase()));
        } finally {
            reader.dispose();
        }
    }

    /** EXIF orientation 1-8; 1 when absent or unreadable. */
    private static int orientation(byte[] upload) {
        try {
            var exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload))
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION)
                    : 1;
        } catch (Exception unreadable) {
            return 1;
        }
    }

    private static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        // x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12, for each EXIF orientation.
        var t = switch (orientation) {
            case 2 -> matrix(-1, 0, w, 0, 1, 0);
            case 3 -> matrix(-1, 0, w, 0, -1, h);
            case 4 -> matrix(1, 0, 0, 0, -1, h);
            case 5 -> matrix(0, 1, 0, 1, 0, 0);
            case 6 -> matrix(0, -1, h, 1, 0, 0);
            case 7 -> matrix(0, -1, h, -1, 0, w);
            default -> matrix(0, 1, 0, -1, 0, w);
        };
        var out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static AffineTransform matrix(double m00, double m01, double m02, double m10, double m11, double m12) {
        return new AffineTransform(m00, m10, m01, m11, m02, m12);
    }

    private BufferedImage scaled(BufferedImage image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double factor = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** JPEG has no alpha: transparent areas become white. */
    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            // No metadata object: the writer emits a bare JFIF header and nothing else.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
