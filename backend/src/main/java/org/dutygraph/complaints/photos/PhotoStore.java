package org.dutygraph.complaints.photos;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Sanitised photos, stored as nodes until a complaint claims them (unclaimed ones are dropped after a day). */
@Component
public class PhotoStore {

    public record StoredPhoto(String id, String complaintId, byte[] jpeg) {}

    private final Neo4jClient neo4j;
    private final Clock clock;

    PhotoStore(Neo4jClient neo4j, Clock clock) {
        this.neo4j = neo4j;
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
        neo4j.query("""
                CREATE (:Photo {id: $id, bytes: $bytes, width: $width, height: $height, sha256: $sha256, uploadedAt: $at})""").bindAll(params).run();
        return id;
    }

    public Optional<StoredPhoto> find(String id) {
        return neo4j.query("MATCH (p:Photo {id: $id}) RETURN p.complaintId AS c, p.bytes AS b")
                .bind(id)
                .to("id")
                .fetchAs(StoredPhoto.class)
                .mappedBy((types, r) -> new StoredPhoto(
                        id, r.get("c").asString(null), r.get("b").asByteArray()))
                .first();
    }

    /** Deletes up to 1,000 photos no complaint claimed that were uploaded before {@code cutoff}; returns how many. */
    public int dropUnclaimed(Instant cutoff) {
        return neo4j.query("""
                        MATCH (p:Photo) WHERE p.complaintId IS NULL AND p.uploadedAt < $cutoff
                        WITH p LIMIT 1000 DELETE p RETURN count(*) AS c""")
                .bind(cutoff.toEpochMilli())
                .to("cutoff")
                .fetchAs(Long.class)
                .one()
                .orElse(0L)
                .intValue();
    }
}
