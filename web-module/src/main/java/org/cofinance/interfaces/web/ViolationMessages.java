package org.cofinance.interfaces.web;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application services name broken rules and refusals in English, for the API; the pages show them in French by
 * default. Each known message has a pattern and a key of the pages' bundle, whose {0}, {1} take its variable parts —
 * amounts written the French way, statuses by their French labels; a message without a pattern is shown as it is.
 */
final class ViolationMessages {

    /**
     * {@code parts} says what each variable part is: T text, A an amount, S a request's status, L a tranche's label,
     * P a tranche's status.
     */
    private record Rule(Pattern pattern, String key, String parts) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is required", "violation.required"),
            rule("must be a positive number of euros", "violation.positive"),
            rule("must not be negative", "violation.notNegative"),
            rule("must be a decimal number of euros with at most two decimals.*", "violation.decimal"),
            amounts("the plan does not balance: its lines add up to (\\S+) EUR, the eligible cost is (\\S+) EUR",
                    "violation.unbalanced"),
            rule("a financing plan has at least one line", "violation.noLine"),
            rule("self-funding comes from the lead or a partner of the coalition only", "violation.selfFundingLead"),
            rule("is a decimal number like.*", "violation.quantity"),
            rule("is a decimal number, zero or more, with at most (\\d+) decimals", "violation.quantityRange"),
            rule("is not an indicator of programme (\\S+).*", "violation.indicator"),
            rule("is not a theme of programme (\\S+).*", "violation.programmeTheme"),
            rule("programme (\\S+) closed on (\\S+): it takes no request", "violation.programmeClosed"),
            rule("programme (\\S+) opens on (\\S+): it takes no request", "violation.programmeNotOpen"),
            rule("programme (\\S+) is operated by another organisation.*", "violation.programmeOperator"),
            rule("no programme (\\S+)", "violation.noProgramme"),
            rule("is the lead: the lead is not its own partner", "violation.partnerLead"),
            rule("is named twice", "violation.twice"),
            rule("is a share of each grant from 0.01 to 1.00, two decimals at most", "violation.grantShare"),
            rule("the partners' shares of the grants add up to (\\S+), more than 1.00", "violation.sharesAboveOne"),
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
            rule("is a date like.*", "violation.date"),
            rule("task (\\S+) is already claimed by (\\S+)", "refusal.taskClaimed"),
            rule("task (\\S+) is claimed by someone else", "refusal.taskClaimedByOther"),
            rule("task (\\S+) is claimed by (\\S+)", "refusal.taskClaimed"),
            rule("task (\\S+) is not offered to you", "refusal.taskNotOffered"),
            rule("claim task (\\S+) before delegating it", "refusal.claimBeforeDelegating"),
            rule("task (\\S+) is not delegated to you", "refusal.taskNotDelegated"),
            rule("whoever registered, submitted or instructed a request never decides on it",
                    "refusal.handlerDecides"),
            rule("(\\S+) does not hold the role for this action", "refusal.role"),
            rule("whoever asked for a payment never validates it", "refusal.askerValidates"),
            rule("whoever recorded the evidence of a tranche never (?:validates|decides on) it",
                    "refusal.evidenceValidates"),
            parts("request (\\S+) awaits no decision \\(it is (\\S+)\\)", "refusal.awaitsNoDecision", "TS"),
            parts("request (\\S+) cannot move from (\\S+) to (\\S+)", "refusal.cannotMove", "TSS"),
            parts("request (\\S+) is (\\S+): its plan can no longer change", "refusal.planFixed", "TS"),
            parts("request (\\S+) is (\\S+): only a draft is submitted", "refusal.onlyDraftSubmitted", "TS"),
            parts("request (\\S+) is (\\S+): only an approved request is contracted", "refusal.onlyApprovedContracted",
                    "TS"),
            parts("request (\\S+) is not in instruction \\(it is (\\S+)\\)", "refusal.notInInstruction", "TS"),
            parts("tranche (\\S+) is (\\S+), not awaiting validation", "refusal.trancheNotAwaiting", "LP"),
            parts("tranche (\\S+) is (\\S+): its evidence is already recorded", "refusal.trancheEvidenced", "LP"),
            parts("envelope (\\S+) cannot hold (\\S+) EUR: (\\S+) EUR available", "refusal.insufficientFunds", "TAA"),
            parts("the ceiling of (\\S+) cannot go below the (\\S+) EUR already reserved and committed "
                    + "\\(asked (\\S+) EUR\\)", "refusal.ceilingBelowUsage", "TAA"),
            amounts("a disbursement is positive and at most the (\\S+) EUR still to pay on this commitment",
                    "refusal.disbursementMax"),
            rule("organisation (\\S+) does not finance request (\\S+)", "refusal.notFunder"));

    private ViolationMessages() {
    }

    private static Rule rule(String regex, String key) {
        return parts(regex, key, "");
    }

    private static Rule amounts(String regex, String key) {
        return parts(regex, key, "A".repeat(Pattern.compile(regex).matcher("").groupCount()));
    }

    private static Rule parts(String regex, String key, String parts) {
        return new Rule(Pattern.compile(regex), key, parts);
    }

    /**
     * The message in the user's language: {@code text} gives a bundle text with its arguments, {@code money} writes
     * an amount of the services ("1234.50") the user's way, {@code label} names a code of a kind
     * ({@code label("status", "APPROVED")}).
     */
    static String inLanguage(String message, Locale locale, BiFunction<String, Object[], String> text,
                             Function<String, String> money, BiFunction<String, String, String> label) {
        if (message == null || !"fr".equals(locale.getLanguage())) {
            return message;
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(message);
            if (matcher.matches()) {
                Object[] arguments = new Object[matcher.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    String part = matcher.group(i + 1);
                    char kind = i < rule.parts().length() ? rule.parts().charAt(i) : 'T';
                    arguments[i] = switch (kind) {
                        case 'A' -> money.apply(part);
                        case 'S' -> label.apply("status", part);
                        case 'L' -> label.apply("tranche", part);
                        case 'P' -> label.apply("trancheStatus", part);
                        default -> part;
                    };
                }
                return text.apply(rule.key(), arguments);
            }
        }
        return message;
    }
}
