package org.dutygraph.complaints;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Photos as phones send them: EXIF with GPS, camera model and orientation, XMP; and hostile ones. */
final class PhotoFixtures {

    static final String CAMERA = "SecretPhone X9";
    static final String XMP_MARKER = "secret-xmp-marker";

    private PhotoFixtures() {}

    /** 64 x 48 pixels, left half red, stored sideways with orientation 6 (turn 90 degrees clockwise to view). */
    static byte[] gpsTaggedJpeg() throws Exception {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 48);
        g.setColor(Color.BLUE);
        g.fillRect(32, 0, 32, 48);
        g.dispose();
        var plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);

        var exif = new TiffOutputSet();
        exif.setGpsInDegrees(116.397128, 39.916527);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, CAMERA);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        var withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
        var withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, """
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="%s"/></rdf:RDF></x:xmpmeta>""".formatted(XMP_MARKER));
        return withXmp.toByteArray();
    }

    /** A tiny PNG whose header claims 50,000 x 50,000 pixels (a decompression bomb's first bytes). */
    static byte[] pngClaimingHugeSize() throws IOException {
        return pngWithHeader(50_000, 50_000, 8, 2);
    }

    /**
     * The probe's hostile PNG: 7,720 x 5,142 pixels (39.7 MP, under the 40 MP limit) of 16-bit RGBA, about
     * 318 MB once decoded. Only the header says so: the image data is a 1-pixel image's, since the decoded
     * size must be refused before any of it is read.
     */
    static byte[] sixteenBitRgbaPng() throws IOException {
        return pngWithHeader(7_720, 5_142, 16, 6);
    }

    /** A real 16-bit greyscale PNG, 64 x 48: deep but small, so it must be accepted. */
    static byte[] smallSixteenBitPng() throws IOException {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        var g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 32, 48);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A 1 x 1 PNG with its IHDR rewritten (size, bit depth, colour type) and its checksum fixed. */
    private static byte[] pngWithHeader(int width, int height, int bitDepth, int colourType) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
        var png = out.toByteArray();
        ByteBuffer.wrap(png, 16, 10)
                .putInt(width)
                .putInt(height)
                .put((byte) bitDepth)
                .put((byte) colourType);
        var crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }
}
