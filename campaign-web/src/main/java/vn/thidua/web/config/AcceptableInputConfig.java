package vn.thidua.web.config;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import vn.thidua.command.support.AcceptableInputInterceptor;

/** Every command, whichever page, workbook or endpoint sent it, is checked against the product's input rules. */
@Configuration
public class AcceptableInputConfig {

    @Autowired
    public void checkEveryCommand(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new AcceptableInputInterceptor());
    }
}
