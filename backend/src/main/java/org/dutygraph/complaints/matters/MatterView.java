package org.dutygraph.complaints.matters;

import java.util.List;

/**
 * A matter as anyone may see it: an object concept with its label and synonyms (the bundle's alt_labels).
 *
 * @param sortKey the keyset position in the list it was read from: rank (0 prefix match or no filter, 1 contains)
 *                and id
 */
public record MatterView(String id, String label, List<String> synonyms, String broaderId, String sortKey) {}
