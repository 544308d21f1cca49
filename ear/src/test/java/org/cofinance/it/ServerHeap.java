package org.cofinance.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The server's heap as its platform memory MBean reports it, read through WildFly's management model on the
 * management port (the local user, as Arquillian connects), after asking it to collect its garbage.
 */
final class ServerHeap {

    private ServerHeap() {
    }

    /** The heap in use after a full collection, in bytes. */
    static long usedAfterCollection() {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("localhost",
                Integer.getInteger("cofinance.test.management.port", 9990))) {
            ModelNode address = new ModelNode();
            address.add("core-service", "platform-mbean").add("type", "memory");
            ModelNode gc = new ModelNode();
            gc.get("operation").set("gc");
            gc.get("address").set(address);
            client.execute(gc);
            ModelNode read = new ModelNode();
            read.get("operation").set("read-attribute");
            read.get("address").set(address);
            read.get("name").set("heap-memory-usage");
            ModelNode result = client.execute(read);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("the server's heap could not be read: " + result);
            }
            return result.get("result", "used").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
