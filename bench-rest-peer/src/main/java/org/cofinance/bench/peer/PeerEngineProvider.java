package org.cofinance.bench.peer;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;

/** Hands Camunda's REST API the peer's one engine, found through {@code META-INF/services}. */
public class PeerEngineProvider implements ProcessEngineProvider {

    @Override
    public ProcessEngine getDefaultProcessEngine() {
        return PeerEngine.engine();
    }

    @Override
    public ProcessEngine getProcessEngine(String name) {
        ProcessEngine engine = PeerEngine.engine();
        return engine.getName().equals(name) ? engine : null;
    }

    @Override
    public Set<String> getProcessEngineNames() {
        return Set.of(PeerEngine.engine().getName());
    }
}
