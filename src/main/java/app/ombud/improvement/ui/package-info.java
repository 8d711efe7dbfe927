/**
 * The improvement pages of the portal; other modules' pages open the raise dialog ({@link
 * app.ombud.improvement.ui.RaiseImprovementDialog}) to raise actions through their own service.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.ombud.improvement.ui;
