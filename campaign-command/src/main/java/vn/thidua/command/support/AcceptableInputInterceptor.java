package vn.thidua.command.support;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import vn.thidua.domain.shared.AcceptableInput;

/**
 * Refuses a command carrying a number outside the product's range or text with forbidden characters before its
 * handler loads or decides anything, whichever way it came (API, form, Excel, seed), so such input is answered
 * with a 400 naming the field and never becomes an event no reader can read back.
 */
public class AcceptableInputInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        AcceptableInput.check(unitOfWork.getMessage().getPayload());
        return chain.proceed();
    }
}
