package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dutygraph.complaints.photos.DecodePermits;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Photos go through their own endpoint and come out as fresh JPEGs without any metadata. */
class ComplaintPhotosApiTest extends ComplaintTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private DecodePermits permits;

    @Autowired
    private ComplaintSettings settings;

    @Test
    void aGpsTaggedPhotoComesOutClean_upright_andOnlyCaseHandlersCanFetchIt() throws Exception {
        var original = PhotoFixtures.gpsTaggedJpeg();
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(original))
                        .getFirstDirectoryOfType(GpsDirectory.class))
                .as("the fixture really carries GPS")
                .isNotNull();

        var uploaded = upload(original, "image/jpeg");
        assertThat(uploaded.statusCode()).isEqualTo(201);
        var photoId = GraphQl.JSON.readTree(uploaded.body()).path("photoId").asString();
        var input = complaint(Map.of("unitId", "cmkt"));
        input.put("photoIds", List.of(photoId));
        assertThat(submit(input).path("errors").isEmpty()).isTrue();

        var stored = fetch(photoId, "inspector");
        assertThat(stored.statusCode()).isEqualTo(200);
        var clean = stored.body();
        var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(clean));
        for (Class<? extends Directory> kind : List.of(
                GpsDirectory.class,
                ExifIFD0Directory.class,
                ExifSubIFDDirectory.class,
                ExifThumbnailDirectory.class,
                XmpDirectory.class,
                IptcDirectory.class)) {
            assertThat(metadata.getFirstDirectoryOfType(kind))
                    .as(kind.getSimpleName())
                    .isNull();
        }
        var text = new String(clean, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif", PhotoFixtures.CAMERA, PhotoFixtures.XMP_MARKER, "http://ns.adobe.com");
        var image = ImageIO.read(new ByteArrayInputStream(clean));
        assertThat(image.getWidth()).isEqualTo(48);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(new java.awt.Color(image.getRGB(24, 5)).getRed())
                .as("red half on top once upright")
                .isGreaterThan(200);

        assertThat(fetch(photoId, "chlth-staff").statusCode()).isEqualTo(404);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(base() + "/complaints/photos/" + photoId))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(401);
        var reused = complaint(Map.of("unitId", "cmkt"));
        reused.put("photoIds", List.of(photoId));
        assertThat(submit(reused).path("errors").path(0).path("code").asString())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theTypeIsDecidedByTheBytes_andSizeAndPixelsAreCheckedBeforeDecoding() throws Exception {
        long photosBefore = count("Photo");
        var gifCalledJpeg =
                upload("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "image/jpeg");
        assertThat(gifCalledJpeg.statusCode()).isEqualTo(415);
        assertThat(gifCalledJpeg.body()).contains("UNSUPPORTED_TYPE");

        var bomb = upload(PhotoFixtures.pngClaimingHugeSize(), "image/png");
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(bomb.body()).contains("TOO_MANY_PIXELS");

        var huge = new byte[10 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        var tooLarge = upload(huge, "image/jpeg");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("TOO_LARGE");

        var truncated = java.util.Arrays.copyOf(PhotoFixtures.gpsTaggedJpeg(), 300);
        var broken = upload(truncated, "image/jpeg");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(count("Photo")).isEqualTo(photosBefore);
    }

    @Test
    void theDecodedSizeIsBoundedFromTheHeader_soA16BitPictureUnderThePixelLimitIsRefusedAtOnce() throws Exception {
        long photosBefore = count("Photo");
        var hostile = PhotoFixtures.sixteenBitRgbaPng();

        long started = System.nanoTime();
        var refused = upload(hostile, "image/png");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(refused.statusCode()).isEqualTo(400);
        var error = GraphQl.JSON.readTree(refused.body());
        assertThat(error.path("code").asString()).isEqualTo("TOO_MANY_DECODED_BYTES");
        assertThat(error.path("field").asString()).isEqualTo("body");
        assertThat(error.path("message").asString()).contains("160000000", "317569920", "7720 x 5142 x 4 x 2");
        // Decoding it took 23 s and 318 MB; refusing it reads 26 bytes.
        assertThat(millis).as("refused in %d ms", millis).isLessThan(2_000);
        assertThat(count("Photo")).isEqualTo(photosBefore);

        var deepButSmall = upload(PhotoFixtures.smallSixteenBitPng(), "image/png");
        assertThat(deepButSmall.statusCode()).isEqualTo(201);
        assertThat(GraphQl.JSON.readTree(deepButSmall.body()).path("width").asInt())
                .isEqualTo(64);
    }

    @Test
    void uploadsOverTheDecodeCapWaitBriefly_thenAreToldToComeBack() throws Exception {
        int cap = settings.photos().decodePermits();
        for (int i = 0; i < cap; i++) {
            permits.acquire();
        }
        try {
            long started = System.nanoTime();
            var busy = upload(PhotoFixtures.gpsTaggedJpeg(), "image/jpeg");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
            var error = GraphQl.JSON.readTree(busy.body());
            assertThat(error.path("code").asString()).isEqualTo("UNAVAILABLE");
            assertThat(error.path("retryAfterSeconds").asInt()).isEqualTo(2);
            assertThat(millis)
                    .as("waited for a permit")
                    .isGreaterThanOrEqualTo(settings.photos().decodeWait().toMillis() - 50);

            var hostile = upload(PhotoFixtures.sixteenBitRgbaPng(), "image/png");
            assertThat(hostile.body())
                    .as("refused from its header without a permit")
                    .contains("TOO_MANY_DECODED_BYTES");
        } finally {
            for (int i = 0; i < cap; i++) {
                permits.release();
            }
        }
        assertThat(upload(PhotoFixtures.gpsTaggedJpeg(), "image/jpeg").statusCode())
                .isEqualTo(201);
    }

    private HttpResponse<String> upload(byte[] body, String contentType) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/complaints/photos"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> fetch(String photoId, String username) throws Exception {
        var token = GraphQl.JSON
                .readTree(anonymous()
                        .post("""
                mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }""", Map.of("u", username, "p", username + "-demo"))
                        .body()
                        .toString())
                .path("data")
                .path("login")
                .path("token")
                .asString();
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/complaints/photos/" + photoId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
