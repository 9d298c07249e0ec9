; Inno Setup script for Werkleren Desktop on Windows.
; Build the bundle first on Windows (packaging\build.sh in Git Bash, or
;   .venv\Scripts\python -m PyInstaller --noconfirm --distpath dist packaging\werkleren.spec),
; then compile this file with Inno Setup 6: iscc packaging\windows\werkleren.iss
; The installer puts the program in Program Files and the Start menu; uninstalling removes
; the program and keeps the user's data in %APPDATA%\Werkleren Desktop.

#define AppName "Werkleren Desktop"
#define AppVersion GetEnv("WERKLEREN_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6D1E4B8A-5C4F-4E3B-9A55-2F8E1C7B9D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Werkleren Desktop
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
UninstallDisplayIcon={app}\werkleren.exe
OutputDir=..\..\dist
OutputBaseFilename=werkleren-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\werkleren.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\werkleren-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\werkleren.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\werkleren.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\werkleren.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: a manager's data outlives the program.
