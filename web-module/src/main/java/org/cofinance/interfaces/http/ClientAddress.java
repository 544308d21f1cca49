package org.cofinance.interfaces.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a call comes from, for the throttling and the audit of sign-ins: the connection's peer, or — only when
 * that peer is one of the balancers the operator names ({@code -Dcofinance.trusted-proxies=10.0.0.5,10.0.0.6}) — the
 * last address of {@code X-Forwarded-For} that is not itself such a balancer. A client never chooses his address by
 * sending the header himself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), forwardedFor(Collections.list(request.getHeaders("X-Forwarded-For"))),
                trustedProxies());
    }

    /**
     * The header's fields as one list, in order: a balancer may add a field of its own after the one the client
     * sent (HAProxy's {@code option forwardfor} does) rather than append to it, and reading the first field only
     * would believe the client.
     */
    static String forwardedFor(List<String> fields) {
        return fields.isEmpty() ? null : String.join(",", fields);
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i).length() > 64 ? hops.get(i).substring(0, 64) : hops.get(i);
            }
        }
        return peer;
    }

    private static Set<String> trustedProxies() {
        String configured = System.getProperty("cofinance.trusted-proxies", "");
        return Arrays.stream(configured.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .collect(Collectors.toSet());
    }
}
