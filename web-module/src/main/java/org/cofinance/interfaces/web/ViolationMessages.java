package org.cofinance.interfaces.web;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application services name broken rules in English, for the API; the pages show them in French by default.
 * Each known message has a pattern and a key of the pages' bundle, whose {0}, {1} take its variable parts (amounts
 * written the French way); a message without a pattern is shown as it is.
 */
final class ViolationMessages {

    private record Rule(Pattern pattern, String key, boolean amounts) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is required", "violation.required"),
            rule("must be a positive number of euros", "violation.positive"),
            rule("must not be negative", "violation.notNegative"),
            rule("must be a decimal number of euros with at most two decimals.*", "violation.decimal"),
            amounts("the plan does not balance: its lines add up to (\\S+) EUR, the eligible cost is (\\S+) EUR",
                    "violation.unbalanced"),
            rule("a financing plan has at least one line", "violation.noLine"),
            rule("self-funding comes from the lead organisation only", "violation.selfFundingLead"),
            rule("self-funding draws on no envelope", "violation.selfFundingEnvelope"),
            rule("envelope (\\S+) is not owned by organisation \\d+", "violation.envelopeOwner"),
            rule("is required, at most (\\d+) characters", "violation.requiredMax"),
            rule("has at most (\\d+) characters", "violation.max"),
            rule("has at least (\\d+) characters", "violation.min"),
            rule("is one of the call's themes", "violation.theme"),
            rule("is one of \\[(.*)]", "violation.oneOf"),
            rule("no organisation (\\d+)", "violation.noOrganisation"),
            rule("no envelope (\\S+)", "violation.noEnvelope"),
            amounts("a reduced approval names a positive amount below the (\\S+) EUR asked", "violation.reduced"),
            rule("only a reduced approval names an amount", "violation.amountOnlyReduced"),
            rule("the evidence of the milestone is required.*", "violation.evidence"),
            rule("the plan as it stands breaks the call's rules \\[(.*)].*", "violation.breaksRules"),
            amounts("at most the (\\S+) EUR this tranche schedules", "violation.trancheMax"),
            rule("is already taken", "violation.taken"),
            rule("is an e-mail address", "violation.email"),
            rule("is 2 to 64 lower-case letters.*", "violation.username"),
            rule("an approver or a supervisor acts for an organisation", "violation.needsOrganisation"),
            rule("is 14 digits with a valid Luhn check digit", "violation.siret"),
            rule("is a date like.*", "violation.date"));

    private ViolationMessages() {
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex), key, false);
    }

    private static Rule amounts(String regex, String key) {
        return new Rule(Pattern.compile(regex), key, true);
    }

    /**
     * The message in the user's language: {@code text} gives a bundle text with its arguments, {@code money} writes
     * an amount of the services ("1234.50") the user's way.
     */
    static String inLanguage(String message, Locale locale, BiFunction<String, Object[], String> text,
                             Function<String, String> money) {
        if (message == null || !"fr".equals(locale.getLanguage())) {
            return message;
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(message);
            if (matcher.matches()) {
                Object[] arguments = new Object[matcher.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = rule.amounts() ? money.apply(matcher.group(i + 1)) : matcher.group(i + 1);
                }
                return text.apply(rule.key(), arguments);
            }
        }
        return message;
    }
}
