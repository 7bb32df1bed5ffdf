package vn.thidua.web.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class HomeController {

    @GetMapping("/")
    public String home() {
        return "redirect:/campaigns";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
