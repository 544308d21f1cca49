package org.cofinance.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.ledger.EnvelopeView;
import org.cofinance.application.organisation.OrganisationService;
import org.cofinance.application.programme.ProgrammeService;
import org.cofinance.application.programme.ProgrammeView;
import org.cofinance.application.organisation.OrganisationView;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.programme.Theme;

/** The reference data the forms choose from: programmes, organisations, envelopes, statuses, themes, instruments. */
@Named
@RequestScoped
public class Directory {

    @EJB
    private OrganisationService organisationService;

    @EJB
    private EnvelopeService envelopeService;

    @EJB
    private ProgrammeService programmeService;

    private List<ProgrammeView> programmes;
    private List<OrganisationView> organisations;
    private List<EnvelopeView> envelopes;

    public List<ProgrammeView> getProgrammes() {
        if (programmes == null) {
            programmes = programmeService.list();
        }
        return programmes;
    }

    /** After a programme is created in this request: the list is read again when next shown. */
    public void forgetProgrammes() {
        programmes = null;
    }

    public ProgrammeView programme(String code) {
        return getProgrammes().stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    public List<OrganisationView> getOrganisations() {
        if (organisations == null) {
            organisations = organisationService.list(Paging.of(0, Paging.MAX_SIZE)).items();
        }
        return organisations;
    }

    /** The envelopes the user may see (an approver: his organisation's). */
    public List<EnvelopeView> getEnvelopes() {
        if (envelopes == null) {
            envelopes = envelopeService.list(Paging.of(0, Paging.MAX_SIZE)).items();
        }
        return envelopes;
    }

    public String organisationName(Long id) {
        if (id == null) {
            return "";
        }
        return getOrganisations().stream().filter(o -> Objects.equals(o.id(), id)).map(OrganisationView::name)
                .findFirst().orElse("#" + id);
    }

    public OrganisationView organisation(Long id) {
        return getOrganisations().stream().filter(o -> Objects.equals(o.id(), id)).findFirst().orElse(null);
    }

    public List<String> getStatuses() {
        return Arrays.stream(RequestStatus.values()).map(Enum::name).toList();
    }

    public List<String> getThemes() {
        return Arrays.stream(Theme.values()).map(Enum::name).toList();
    }

    public List<String> getInstruments() {
        return Arrays.stream(Instrument.values()).map(Enum::name).toList();
    }
}
