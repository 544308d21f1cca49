package org.cofinance.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Opens browsers for a test ({@code browsers.open("cdc")}), screenshots each of them (PNG and page source, under
 * {@code target/screenshots/}) when the test fails, and closes them after it.
 */
final class Browsers implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {

    private final List<Browser> open = new ArrayList<>();

    Browser open(String name) {
        Browser browser = new Browser(name);
        open.add(browser);
        return browser;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(Browsers.class))
                .getOrComputeIfAbsent(context.getUniqueId(), key -> new Browsers(), Browsers.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Browsers browsers = context.getStore(ExtensionContext.Namespace.create(Browsers.class))
                .get(context.getUniqueId(), Browsers.class);
        if (browsers != null) {
            for (Browser browser : browsers.open) {
                Path file = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-" + browser.name + ".png");
                try {
                    browser.screenshot(file);
                    System.err.println("screenshot of " + browser.name + " at " + browser.url() + ": " + file);
                } catch (IOException | RuntimeException e) {
                    thrown.addSuppressed(e);
                }
            }
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browsers browsers = context.getStore(ExtensionContext.Namespace.create(Browsers.class))
                .get(context.getUniqueId(), Browsers.class);
        if (browsers != null) {
            browsers.open.forEach(Browser::close);
            browsers.open.clear();
        }
    }
}
