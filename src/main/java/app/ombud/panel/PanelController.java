package app.ombud.panel;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Batches;
import app.ombud.platform.Paging;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The {@code Panel} type: queries, casting a ballot, the site manager's decision, batch-loaded members. */
@Controller
class PanelController {

    private final PanelService panels;
    private final DirectoryService directory;
    private final Paging paging;

    PanelController(PanelService panels, DirectoryService directory, Paging paging) {
        this.panels = panels;
        this.directory = directory;
        this.paging = paging;
    }

    record CastPanelBallotInput(UUID panelId, Choice choice) {
    }

    record DecideUndecidedPanelInput(UUID panelId, Choice decision, String reason, Long expectedVersion) {
    }

    record PanelPayload(Panel panel) {
    }

    @QueryMapping
    Panel panel(@Argument UUID id) {
        return panels.get(id);
    }

    @QueryMapping
    Window<Panel> myPanels(ScrollSubrange subrange) {
        return panels.mine(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping("panels")
    Window<Panel> panelList(@Argument PanelStatus status, ScrollSubrange subrange) {
        return panels.search(status, paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    boolean panelReceiptCounted(@Argument UUID panelId, @Argument String receipt) {
        return panels.receiptCounted(panelId, receipt);
    }

    @MutationMapping
    CastReceipt castPanelBallot(@Argument CastPanelBallotInput input) {
        return panels.cast(input.panelId(), input.choice());
    }

    @MutationMapping
    PanelPayload decideUndecidedPanel(@Argument DecideUndecidedPanelInput input) {
        return new PanelPayload(panels.decideAsSiteManager(input.panelId(), input.decision(), input.reason(),
                input.expectedVersion()));
    }

    @SchemaMapping(typeName = "Panel")
    int seatCount(Panel panel) {
        return panel.seatCount();
    }

    @BatchMapping(typeName = "PanelSeat", field = "person")
    Map<Seat, Person> person(List<Seat> seats) {
        return Batches.byKey(seats, Seat::employeeId, directory.peopleByEmployeeIds(Batches.keys(seats,
                Seat::employeeId)));
    }
}
