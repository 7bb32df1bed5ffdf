package vn.thidua.web.excel;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CampaignService;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Launching a campaign from Excel instead of the form: the template, the upload page, and the launch. Every cell is
 * checked first; the launch is the same {@code LaunchCampaign} the API sends, by the cluster head.
 */
@Controller
public class LaunchController {
    private final LaunchWorkbooks workbooks;
    private final Permissions permissions;
    private final CampaignService campaigns;
    private final ImportController imports;
    private final ExcelText text;

    public LaunchController(LaunchWorkbooks workbooks, Permissions permissions, CampaignService campaigns,
                            ImportController imports, ExcelText text) {
        this.workbooks = workbooks;
        this.permissions = permissions;
        this.campaigns = campaigns;
        this.imports = imports;
        this.text = text;
    }

    @GetMapping("/campaigns/launch/template.xlsx")
    public void template(@AuthenticationPrincipal AppUser user, HttpServletResponse response) throws IOException {
        try (Workbook wb = workbooks.template(user)) {
            ExcelSupport.download(response, text.get("excel.launch.file") + ".xlsx");
            wb.write(response.getOutputStream());
        }
    }

    @GetMapping("/campaigns/launch/excel")
    public String page() {
        return "excel/launch";
    }

    @PostMapping("/campaigns/launch/excel")
    public String launch(Caller caller, @RequestParam(required = false) MultipartFile file,
                         Model model, HttpServletResponse response) throws IOException {
        AppUser user = caller.user();
        if (file == null || file.isEmpty()) {
            return failed(model, response, List.of(CellError.of("", 0, "", "excel.error.noFile")));
        }
        LaunchWorkbooks.Parsed parsed;
        try (InputStream in = file.getInputStream()) {
            parsed = workbooks.parse(user, in);
        }
        if (!parsed.valid()) {
            return failed(model, response, parsed.errors());
        }
        try {
            campaigns.launch(caller, parsed.command());
        } catch (RuntimeException e) {
            return failed(model, response, List.of(imports.refusal("", 0, parsed.command().headUnit(), e)));
        }
        return "redirect:/campaigns/" + parsed.command().campaignId();
    }

    private String failed(Model model, HttpServletResponse response, List<CellError> errors) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("errors", imports.lines(errors));
        return "excel/launch";
    }
}
