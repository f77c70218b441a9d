package org.dutygraph.complaints.photos;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.springframework.stereotype.Repository;

/** Sanitised photos, stored as nodes until a complaint claims them (unclaimed ones are dropped after a day). */
@Repository
public class PhotoStore {

    public record StoredPhoto(String id, String complaintId, byte[] jpeg) {
    }

    private final Driver driver;
    private final Clock clock;

    PhotoStore(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    public String save(PhotoSanitizer.Clean photo) {
        var id = UUID.randomUUID().toString();
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("bytes", photo.jpeg());
        params.put("width", photo.width());
        params.put("height", photo.height());
        params.put("sha256", photo.sha256());
        params.put("at", clock.millis());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    CREATE (:Photo {id: $id, bytes: $bytes, width: $width, height: $height, sha256: $sha256, uploadedAt: $at})""",
                    params).consume());
        }
        return id;
    }

    public Optional<StoredPhoto> find(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (p:Photo {id: $id}) RETURN p.complaintId AS c, p.bytes AS b",
                    Map.of("id", id)).list(r -> new StoredPhoto(id, r.get("c").asString(null), r.get("b").asByteArray())))
                    .stream().findFirst();
        }
    }
}
