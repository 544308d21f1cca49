package org.cofinance.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.cofinance.application.document.DocumentRefusedException;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.Failures;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * What every page shares: messages in the user's language, French formats (1 234 567,89 €, 26/11/2026, Paris time),
 * labels of codes, and the one way an action reports a refusal of the application services.
 */
@Named
@ApplicationScoped
public class Ui {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String BUNDLE = "org.cofinance.interfaces.web.messages";

    /**
     * Runs an action of the application services. A broken rule ends as messages beside the fields ({@code errors})
     * and at the top of the page, a refusal as a message at the top; the action then changed nothing.
     *
     * @return whether the action went through
     */
    public boolean attempt(FieldErrors errors, Runnable action) {
        if (errors != null) {
            errors.clear();
        }
        try {
            action.run();
            return true;
        } catch (RuntimeException thrown) {
            Throwable cause = Failures.cause(thrown);
            if (cause instanceof ValidationException invalid) {
                for (Violation v : invalid.violations()) {
                    if (errors != null) {
                        errors.put(v.field(), inLanguage(v.message()));
                    }
                }
                error(null, "error.validation");
            } else if (cause instanceof DocumentRefusedException refused) {
                if (errors != null) {
                    errors.put("file", text(refused.reason() == DocumentRefusedException.Reason.TOO_LARGE
                            ? "documents.tooLarge" : "documents.unsupported"));
                }
                error(null, "error.validation");
            } else if (cause instanceof AccessDeniedException) {
                error(null, "error.forbidden", inLanguage(cause.getMessage()));
            } else if (cause instanceof NotFoundException) {
                error(null, "error.notFound", inLanguage(cause.getMessage()));
            } else if (cause instanceof DomainException || cause instanceof IdempotencyKeyReusedException) {
                error(null, "error.refused", inLanguage(cause.getMessage()));
            } else {
                throw thrown;
            }
            return false;
        }
    }

    /** A message of the services (in English) in the user's language, when the pages know it. */
    private String inLanguage(String message) {
        return ViolationMessages.inLanguage(message, locale(), this::text, this::money, this::label);
    }

    public void error(String clientId, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
    }

    public void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    public String text(String key, Object... arguments) {
        Locale locale = locale();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The label of a code in the user's language ({@code label('status', 'DRAFT')}), or the code itself. */
    public String label(String kind, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        try {
            return ResourceBundle.getBundle(BUNDLE, locale()).getString(kind + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    /** An amount of the API ("1234567.89") as the user reads it: "1 234 567,89 €". */
    public String money(String amount) {
        if (amount == null || amount.isEmpty()) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(
                "fr".equals(locale().getLanguage()) ? "fr-FR" : "en-IE"));
        return format.format(new BigDecimal(amount));
    }

    /** A day typed the French way (26/11/2026) as the API writes it; anything else as typed, to be refused. */
    public static String isoDay(String typed) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        try {
            return LocalDate.parse(typed.strip(), DateTimeFormatter.ofPattern("dd/MM/uuuu")
                    .withResolverStyle(ResolverStyle.STRICT)).toString();
        } catch (DateTimeParseException e) {
            return typed;
        }
    }

    /** A quantity of an impact indicator as the language writes it ("12,5" in French), up to four decimals. */
    public String quantity(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(4);
        return format.format(new BigDecimal(value));
    }

    /** A share as a percentage with one decimal. */
    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    public String date(Instant at) {
        return at == null ? "" : datePattern().format(at.atZone(PARIS));
    }

    public String day(LocalDate day) {
        return day == null ? "" : datePattern().format(day);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern(
                "fr".equals(locale().getLanguage()) ? "dd/MM/yyyy HH:mm" : "dd/MM/yyyy HH:mm", locale())
                .format(at.atZone(PARIS));
    }

    private DateTimeFormatter datePattern() {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy", locale());
    }

    /**
     * An amount as typed, in French or English writing ("1 234 567,89", "1234567.89", "1.234.567,89"), turned into
     * the services' writing ("1234567.89"); what cannot be read is passed on as typed, for the services to refuse.
     */
    public static String amountOf(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.strip().replace("€", "").replaceAll("[\\s\\u00A0\\u202F']", "");
        if (s.isEmpty()) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        return s;
    }

    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.FRENCH : faces.getViewRoot().getLocale();
    }
}
