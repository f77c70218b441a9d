package org.dutygraph.complaints.photos;

import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Size and sample layout of an image, read from its header alone (PNG IHDR, JPEG SOF) so that what decoding
 * would allocate is known before anything is decoded.
 */
record ImageHeader(int width, int height, int channels, int bytesPerSample) {

    long pixels() {
        return (long) width * height;
    }

    /** Bytes of the decoded raster: width x height x channels x bytes per sample. */
    long decodedBytes() {
        return pixels() * channels * bytesPerSample;
    }

    static ImageHeader read(byte[] b, String format) throws PhotoSanitizer.PhotoRejected {
        var header = format.equals("png") ? png(b) : jpeg(b);
        if (header == null || header.width <= 0 || header.height <= 0) {
            throw new PhotoSanitizer.PhotoRejected(
                    "UNREADABLE", Text.of(ComplaintTexts.PHOTO_NO_SIZE, format.toUpperCase()));
        }
        return header;
    }

    private static ImageHeader png(byte[] b) {
        // signature (8), IHDR length (4), "IHDR", width (4), height (4), bit depth, colour type
        if (b.length < 26 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        int channels = switch (b[25]) {
            case 0, 3 -> 1; // grey; palette indices
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 0;
        };
        return channels == 0 ? null : new ImageHeader(int32(b, 16), int32(b, 20), channels, b[24] > 8 ? 2 : 1);
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // no length field
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null; // image data or end before any frame header
            }
            if (isStartOfFrame(marker)) {
                if (i + 9 >= b.length) {
                    return null;
                }
                int precision = b[i + 4] & 0xFF;
                return new ImageHeader(uint16(b, i + 7), uint16(b, i + 5), b[i + 9] & 0xFF, precision > 8 ? 2 : 1);
            }
            i += 2 + uint16(b, i + 2);
        }
        return null;
    }

    /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static int uint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
