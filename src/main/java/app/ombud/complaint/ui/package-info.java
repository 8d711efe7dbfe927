/** The complaint pages of the portal; other modules may add actions to the case page. */
@org.springframework.modulith.NamedInterface("ui")
package app.ombud.complaint.ui;
