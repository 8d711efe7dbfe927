package app.ombud.platform.ui;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.PortalUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The portal frame: navigation built from each view's {@code @Menu} (titles are i18n keys),
 * which Vaadin already filters by the view's role annotations; the user's name, language and
 * logout in the header.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authentication;
    private final H1 pageTitle = new H1();
    private final org.springframework.beans.factory.ObjectProvider<HeaderItem> headerItems;

    public MainLayout(AuthenticationContext authentication,
            org.springframework.beans.factory.ObjectProvider<HeaderItem> headerItems) {
        this.authentication = authentication;
        this.headerItems = headerItems;
        addClassName("ombud-main-layout");
        setPrimarySection(Section.DRAWER);

        var brand = new Span(getTranslation("app.name"));
        brand.addClassName("ombud-brand");
        var drawer = new Div(brand, navigation());
        drawer.addClassName("ombud-drawer");
        addToDrawer(drawer);

        pageTitle.addClassName("ombud-page-title");
        var spacer = new Div();
        spacer.addClassName("ombud-spacer");
        var header = new HorizontalLayout(new DrawerToggle(), pageTitle, spacer, userBox());
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("ombud-header");
        addToNavbar(header);
    }

    private SideNav navigation() {
        var nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout userBox() {
        String name = CurrentActor.find().map(a -> a.name()).orElse("");
        var user = new Span(new Icon(VaadinIcon.USER), new Span(name));
        user.addClassName("ombud-user");
        var logout = new Button(getTranslation("nav.logout"), new Icon(VaadinIcon.SIGN_OUT),
                click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        var box = new HorizontalLayout();
        headerItems.orderedStream().sorted(java.util.Comparator.comparingInt(HeaderItem::order))
                .forEach(item -> box.add(item.create()));
        box.add(user, new LanguageSwitch(), logout);
        box.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return box;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pageTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
        authentication.getAuthenticatedUser(PortalUser.class)
                .filter(PortalUser::passwordChangeRequired)
                .filter(user -> !event.getLocation().getPath().equals(PASSWORD_PATH))
                .ifPresent(user -> getUI().ifPresent(ui -> ui.navigate(PASSWORD_PATH)));
    }

    /** Where a person with a temporary password is sent until they choose their own. */
    public static final String PASSWORD_PATH = "account";
}
