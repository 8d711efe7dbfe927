package app.ombud.platform.ui;

import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/** The start page: who you are, your roles, and the pages open to you. */
@Route("")
@com.vaadin.flow.router.Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        addClassName("ombud-home");
        Actor actor = CurrentActor.get();
        add(new H2(getTranslation("home.welcome", actor.name())));
        String roles = actor.roles().stream().map(r -> getTranslation(r.labelKey())).sorted()
                .collect(Collectors.joining("、"));
        add(new Paragraph(getTranslation("home.roles", roles.isEmpty() ? "—" : roles)));
        var tiles = new Div();
        tiles.addClassName("ombud-tiles");
        MenuConfiguration.getMenuEntries().stream().filter(entry -> !entry.path().isEmpty()).forEach(entry -> {
            var tile = new com.vaadin.flow.component.html.Anchor(entry.path(),
                    new Icon(entry.icon() == null || entry.icon().isBlank() ? "vaadin:circle" : entry.icon()),
                    new Span(getTranslation(entry.title())));
            tile.addClassName("ombud-tile");
            tiles.add(tile);
        });
        add(tiles);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
