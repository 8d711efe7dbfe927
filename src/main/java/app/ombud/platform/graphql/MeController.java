package app.ombud.platform.graphql;

import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MeController {

    @QueryMapping
    Actor me() {
        return CurrentActor.required();
    }
}
