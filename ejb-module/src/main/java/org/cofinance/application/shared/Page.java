package org.cofinance.application.shared;

import java.io.Serializable;
import java.util.List;

public record Page<T>(List<T> items, long total) implements Serializable {
}
