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

    private PhotoFixtures() {
    }

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
                <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="%s"/></rdf:RDF></x:xmpmeta>"""
                .formatted(XMP_MARKER));
        return withXmp.toByteArray();
    }

    /** A tiny PNG whose header claims 50,000 x 50,000 pixels (a decompression bomb's first bytes). */
    static byte[] pngClaimingHugeSize() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
        var png = out.toByteArray();
        ByteBuffer.wrap(png, 16, 8).putInt(50_000).putInt(50_000);
        var crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }
}
