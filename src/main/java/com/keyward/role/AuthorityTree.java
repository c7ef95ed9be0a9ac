package com.keyward.role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The authority tree in memory: what a set of nodes covers, and its shortest form. */
public final class AuthorityTree {

    private final List<AuthorityNode> nodes;
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, List<String>> childrenOf = new HashMap<>();

    public AuthorityTree(List<AuthorityNode> nodes) {
        this.nodes = List.copyOf(nodes);
        for (AuthorityNode node : nodes) {
            parentOf.put(node.authority().code(), node.parentCode());
            if (node.parentCode() != null) {
                childrenOf
                        .computeIfAbsent(node.parentCode(), code -> new ArrayList<>())
                        .add(node.authority().code());
            }
        }
    }

    public List<AuthorityNode> nodes() {
        return nodes;
    }

    public boolean contains(String code) {
        return parentOf.containsKey(code);
    }

    public List<String> childrenOf(String code) {
        return childrenOf.getOrDefault(code, List.of());
    }

    /** The codes and everything beneath them. */
    public Set<String> covered(Set<String> codes) {
        Set<String> covered = new LinkedHashSet<>();
        for (String code : codes) {
            addWithDescendants(code, covered);
        }
        return covered;
    }

    /** Drops codes that an ancestor in the same set already covers. */
    public Set<String> shortest(Set<String> codes) {
        Set<String> shortest = new LinkedHashSet<>();
        for (String code : codes) {
            if (!hasAncestorIn(code, codes)) {
                shortest.add(code);
            }
        }
        return shortest;
    }

    public boolean hasAncestorIn(String code, Set<String> codes) {
        for (String parent = parentOf.get(code); parent != null; parent = parentOf.get(parent)) {
            if (codes.contains(parent)) {
                return true;
            }
        }
        return false;
    }

    private void addWithDescendants(String code, Set<String> into) {
        if (into.add(code)) {
            childrenOf(code).forEach(child -> addWithDescendants(child, into));
        }
    }
}
